import { ApiProperty } from '@nestjs/swagger';
import { WeeklyHoursDto } from './hours.dto';
import { PageOf } from './page.response';

export class BranchResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timeZone!: string;
  @ApiProperty({ example: 'DE' }) country!: string;
  @ApiProperty({ type: 'integer' }) slotGranularityMinutes!: number;
  @ApiProperty({ type: String, nullable: true }) retellAgentId!: string | null;
  @ApiProperty({ type: [String], description: 'E.164' }) phoneNumbers!: string[];
  @ApiProperty({ type: WeeklyHoursDto }) openingHours!: WeeklyHoursDto;
  @ApiProperty({ type: [String], format: 'date' }) closedDates!: string[];
  @ApiProperty({ description: 'false: its numbers do not answer and nothing is booked there' })
  active!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "where callers' messages are sent" })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164; where calls are transferred' })
  transferNumber!: string | null;
  @ApiProperty({
    description: "a visit's services may go to different stylists when no one can do them all",
  })
  splitVisits!: boolean;
}

export const BranchPageResponse = PageOf(BranchResponse, 'BranchPageResponse');
