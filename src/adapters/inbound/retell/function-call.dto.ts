import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/** Retell's default custom-function body: `{ name, call, args }`. Contents are read later. */
export class FunctionCallDto {
  @IsString()
  @MaxLength(64)
  name!: string;

  @IsOptional()
  @IsObject()
  args?: Record<string, unknown>;

  @IsOptional()
  @IsObject()
  call?: Record<string, unknown>;
}
