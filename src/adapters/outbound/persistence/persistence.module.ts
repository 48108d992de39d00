import { Module } from '@nestjs/common';

/** Repository adapters behind the application's ports. */
@Module({
  providers: [],
  exports: [],
})
export class PersistenceModule {}
