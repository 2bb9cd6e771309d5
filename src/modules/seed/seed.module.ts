import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FixtureImporter } from './fixture-importer.service';
import { TokenRotationService } from './token-rotation.service';

@Module({
  imports: [DiscoveryModule],
  providers: [FixtureImporter, TokenRotationService],
  exports: [FixtureImporter, TokenRotationService],
})
export class SeedModule {}
