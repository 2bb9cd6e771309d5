import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './common/auth/auth.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { Clock } from './common/time/clock';
import { APP_CONFIG } from './config/app-config';
import type { AppConfig } from './config/app-config';
import { buildDataSourceOptions } from './database/data-source-options';
import { Sql } from './database/sql';
import { FEATURE_MODULES } from './modules';
import { RealtimeModule } from './realtime/realtime.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database actually used: DATABASE_URL, or the embedded server's URL. */
  databaseUrl: string;
  extraModules?: Type[];
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({ url: options.databaseUrl, poolSize: options.config.dbPoolSize }),
          autoLoadEntities: true,
          migrationsRun: options.config.migrateOnStart,
        }),
        RealtimeModule,
        AuthModule,
        ...FEATURE_MODULES,
        ...(options.extraModules ?? []),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        Clock,
        Sql,
        AllExceptionsFilter,
        { provide: APP_FILTER, useExisting: AllExceptionsFilter },
      ],
      exports: [APP_CONFIG, Clock, Sql],
    };
  }
}
