import { HttpStatus } from '@nestjs/common';
import { NextFunction, raw, Request, Response } from 'express';
import {
  bodyTooLarge,
  CodedHttpException,
  malformedJson,
} from '../../../common/coded-http.exception';
import type { RequestWithRawBody } from '../../../common/http-edge';
import { skimJson } from '../../../common/json-skim';
import { RETELL_CALL_FIELDS_READ } from './retell-call-fields';

/**
 * Nesting a Retell body may have. Retell's own deepest is 6 (a word's timing inside
 * call.transcript_with_tool_calls); anything far deeper is refused before it is parsed, so no
 * recursive code after (validation, transformation) can run out of stack.
 */
export const RETELL_BODY_MAX_DEPTH = 32;

/**
 * What is parsed of a body once the call object's unread fields are left out: the arguments,
 * the call's ids and numbers, metadata, dynamic variables and analysis. It is the limit the
 * whole body had before transcripts were left out, so nothing accepted then is refused now.
 */
export const RETELL_PARSED_BODY_LIMIT_BYTES = 64 * 1024;

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const unsupportedEncoding = () =>
  new CodedHttpException(
    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    'REQUEST.UNSUPPORTED_ENCODING',
    'The request body encoding is not supported.',
  );

/**
 * The Retell routes' body: JSON of at most `limitBytes` whatever the content type claims, its
 * raw bytes kept on `req.rawBody` for the signature. Of the call object only the fields this
 * service reads are parsed ({@link RETELL_CALL_FIELDS_READ}); the transcripts are stepped over
 * without being decoded or built, so a function call late in a long call costs about what an
 * early one does, and no later step (validation, guards, handlers) ever sees them. Depth and
 * the parsed size are bounded first. Refusals are coded 400/413/415 answers.
 */
export function retellBodyReader(limitBytes: number) {
  const readBytes = raw({ limit: limitBytes, type: () => true, inflate: false });
  // Named apart from express.json's "jsonParser": Nest skips its own application-wide JSON
  // parser when it finds a layer of that name, which would leave every other route unparsed.
  return function retellBody(req: Request, res: Response, next: NextFunction): void {
    if (!utf8Declared(req.headers['content-type'])) {
      next(unsupportedEncoding());
      return;
    }
    readBytes(req, res, (error?: unknown) => {
      if (error) {
        next(translateReadError(error, limitBytes));
        return;
      }
      try {
        readJson(req as RequestWithRawBody);
        next();
      } catch (refusal) {
        next(refusal);
      }
    });
  };
}

function readJson(req: RequestWithRawBody): void {
  const bytes: unknown = req.body;
  if (!Buffer.isBuffer(bytes)) return; // no body at all: left as express.json leaves it
  req.rawBody = bytes;
  req.body = parseRetellBody(bytes);
}

/**
 * A Retell body as the routes get it: parsed, without the call object's unread fields. Throws
 * coded 400/413 refusals for malformed, too deep or (without the transcripts) too large JSON.
 */
export function parseRetellBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return {}; // as express.json answers an empty body
  const text = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  const skimmed = skimJson(text, {
    maxDepth: RETELL_BODY_MAX_DEPTH,
    keepOnly: [{ path: ['call'], keys: RETELL_CALL_FIELDS_READ }],
  });
  if (!skimmed.ok) {
    throw skimmed.problem === 'too_deep'
      ? new CodedHttpException(
          HttpStatus.BAD_REQUEST,
          'REQUEST.TOO_DEEP',
          `The request body is nested deeper than ${RETELL_BODY_MAX_DEPTH} levels.`,
        )
      : malformedJson();
  }
  if (skimmed.kept.length > RETELL_PARSED_BODY_LIMIT_BYTES) {
    throw new CodedHttpException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'REQUEST.TOO_LARGE',
      `Apart from the call's transcripts, the request body exceeds ${RETELL_PARSED_BODY_LIMIT_BYTES} bytes.`,
    );
  }
  try {
    return JSON.parse(skimmed.kept.toString('utf8'));
  } catch {
    throw malformedJson();
  }
}

/** JSON is UTF-8 (RFC 8259); a body declared in another charset is refused, not guessed. */
function utf8Declared(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1];
  return charset === undefined || /^utf-?8$/i.test(charset);
}

function translateReadError(error: unknown, limitBytes: number): unknown {
  const e = error as { type?: string; status?: number } | null;
  switch (e?.type) {
    case 'entity.too.large':
      return bodyTooLarge(limitBytes);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return unsupportedEncoding();
    default:
      if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
        return new CodedHttpException(
          HttpStatus.BAD_REQUEST,
          'REQUEST.UNREADABLE',
          'The request body could not be read.',
        );
      }
      return error;
  }
}
