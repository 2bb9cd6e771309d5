import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Surface } from '../../common/auth/principal';

/** Operator command: gives a principal a fresh random token (the old one stops working at once). */
@Injectable()
export class TokenRotationService {
  constructor(private readonly dataSource: DataSource) {}

  async rotate(role: Surface, id: number): Promise<string | null> {
    const token = randomBytes(16).toString('hex');
    const table = role === 'rep' ? 'rep' : 'customer';
    const [rows] = await this.dataSource.query(`UPDATE ${table} SET token = $2 WHERE id = $1 RETURNING id`, [id, token]);
    return rows.length ? token : null;
  }

  async tokenOf(role: Surface, id: number): Promise<string | null> {
    const table = role === 'rep' ? 'rep' : 'customer';
    const rows = await this.dataSource.query(`SELECT token FROM ${table} WHERE id = $1`, [id]);
    return rows[0]?.token ?? null;
  }
}
