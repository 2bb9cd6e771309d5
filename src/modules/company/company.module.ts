import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompaniesFixture, RepsFixture } from './company.fixture';
import { CompanyService } from './company.service';
import { CompanyEntity } from './entities/company.entity';
import { RepEntity } from './entities/rep.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CompanyEntity, RepEntity])],
  providers: [CompanyService, CompaniesFixture, RepsFixture],
  exports: [CompanyService],
})
export class CompanyModule {}
