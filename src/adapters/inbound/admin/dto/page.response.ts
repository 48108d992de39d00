import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** The schema of one page of a list: `{ items, total, page, pageSize }`, named `<Item>Page`. */
export function PageOf<T>(item: Type<T>, name: string): Type<unknown> {
  class Page {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: 'integer', description: 'items across all pages' }) total!: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) pageSize!: number;
  }
  Object.defineProperty(Page, 'name', { value: name });
  return Page;
}
