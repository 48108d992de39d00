import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE, PageRequest } from '../../../../application/admin/page';
import { toNumber } from './field.decorators';

export class PageQuery {
  @ApiProperty({ required: false, minimum: 1, default: 1 })
  @IsOptional()
  @toNumber
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiProperty({ required: false, minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @toNumber
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

export function pageRequest(q: PageQuery): PageRequest {
  return { page: q.page ?? 1, pageSize: q.pageSize ?? 20 };
}
