import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';

const WALL = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class WallWindowDto {
  @ApiProperty({ example: '09:00', pattern: WALL.source })
  @IsString()
  @Matches(WALL, { message: '$property must be HH:mm' })
  from!: string;

  @ApiProperty({ example: '13:00', pattern: WALL.source })
  @IsString()
  @Matches(WALL, { message: '$property must be HH:mm' })
  to!: string;
}

function Day() {
  return function (target: object, key: string) {
    ApiProperty({ type: [WallWindowDto], required: false })(target, key);
    IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(6)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => WallWindowDto)(target, key);
  };
}

/** Weekly wall-clock hours, split days allowed: `{ "tue": [{"from":"09:00","to":"13:00"}, ...] }`. */
export class WeeklyHoursDto {
  @Day() mon?: WallWindowDto[];
  @Day() tue?: WallWindowDto[];
  @Day() wed?: WallWindowDto[];
  @Day() thu?: WallWindowDto[];
  @Day() fri?: WallWindowDto[];
  @Day() sat?: WallWindowDto[];
  @Day() sun?: WallWindowDto[];
}
