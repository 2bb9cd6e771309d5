import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomersFixture } from './customer.fixture';
import { CustomerService } from './customer.service';
import { CustomerEntity } from './entities/customer.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerEntity])],
  providers: [CustomerService, CustomersFixture],
  exports: [CustomerService],
})
export class CustomerModule {}
