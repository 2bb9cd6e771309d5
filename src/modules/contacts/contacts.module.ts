import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ArticlesFixture, RelationsFixture } from './contacts.fixture';
import { ArticleEntity } from './entities/article.entity';
import { RelationEntity } from './entities/relation.entity';
import { RelationService } from './relation.service';

@Module({
  imports: [TypeOrmModule.forFeature([RelationEntity, ArticleEntity])],
  providers: [RelationService, ArticlesFixture, RelationsFixture],
  exports: [RelationService],
})
export class ContactsModule {}
