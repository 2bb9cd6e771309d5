import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { CurrentPrincipal, Principal } from '../../src/common/auth/principal';
import { CustomerController, Public, RepController } from '../../src/common/auth/surface.decorators';
import { ok } from '../../src/common/envelope/envelope';
import { ValidationStyle } from '../../src/common/validation/validation-style';

/** Test-only routes that exercise the foundation's cross-cutting behaviour. */
class ProbeBodyDto {
  @IsNotEmpty()
  @IsString()
  @MaxLength(5)
  name: string;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;
}

@CustomerController('probe', 'probe')
class CustomerProbeController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  whoami(@CurrentPrincipal() p: Principal) {
    return ok('ok', { ...p });
  }

  @Post('data')
  data(@Body() body: ProbeBodyDto) {
    return ok('ok', { ...body });
  }

  @Post('msg')
  @ValidationStyle(303, 'msg')
  msg(@Body() body: ProbeBodyDto) {
    return ok('ok', { ...body });
  }

  @Post('msg-json')
  @ValidationStyle(303, 'msg-json')
  msgJson(@Body() body: ProbeBodyDto) {
    return ok('ok', { ...body });
  }

  /** Sends its input straight to PostgreSQL, as a route whose validation missed something would. */
  @Post('raw-int')
  async rawInt(@Body() body: { n?: string }) {
    await this.dataSource.query('SELECT $1::integer AS n', [body.n]);
    return ok('ok', {});
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail');
  }
}

@RepController('probe', 'probe')
class RepProbeController {
  @Get()
  whoami(@CurrentPrincipal() p: Principal) {
    return ok('ok', { ...p });
  }
}

@Controller('probe-public')
class PublicProbeController {
  @Public()
  @Get()
  open() {
    return ok('ok', {});
  }

  @Get('unmarked')
  unmarked() {
    return ok('ok', {});
  }
}

@Module({ controllers: [CustomerProbeController, RepProbeController, PublicProbeController] })
export class ProbeModule {}
