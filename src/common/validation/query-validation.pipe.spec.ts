import { Type as TransformType } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { QueryValidationPipe } from './query-validation.pipe';

class ProbeQuery {
  @TransformType(() => Number)
  @IsInt()
  @Min(1)
  u_id: number;

  @IsOptional()
  @TransformType(() => Number)
  @IsInt()
  length?: number;
}

describe('QueryValidationPipe', () => {
  const pipe = new QueryValidationPipe({ transform: true, whitelist: true, forbidUnknownValues: false });
  const meta = { type: 'query' as const, metatype: ProbeQuery, data: undefined };

  it('answers a query seen before with an equal, separate DTO, whatever the other parameters', async () => {
    const first = await pipe.transform({ u_id: '7', user_id: '1', timestamp: '1', rand_str: 'a' }, meta);
    const second = await pipe.transform({ u_id: '7', user_id: '2', timestamp: '2', rand_str: 'b' }, meta);
    expect(first).toBeInstanceOf(ProbeQuery);
    expect(second).toBeInstanceOf(ProbeQuery);
    expect(second).toEqual({ u_id: 7 });
    expect(second).not.toBe(first);
    (second as ProbeQuery).u_id = 99;
    expect(await pipe.transform({ u_id: '7' }, meta)).toEqual({ u_id: 7 });
  });

  it('tells present from absent and keeps refusing invalid input', async () => {
    expect(await pipe.transform({ u_id: '7', length: '5' }, meta)).toEqual({ u_id: 7, length: 5 });
    expect(await pipe.transform({ u_id: '7' }, meta)).toEqual({ u_id: 7 });
    await expect(pipe.transform({ u_id: '0' }, meta)).rejects.toBeDefined();
    await expect(pipe.transform({ u_id: '0' }, meta)).rejects.toBeDefined();
    await expect(pipe.transform({ u_id: 'x', length: '5' }, meta)).rejects.toBeDefined();
  });

  it('leaves bodies to the ordinary path', async () => {
    const body = { type: 'body' as const, metatype: ProbeQuery, data: undefined };
    expect(await pipe.transform({ u_id: '3' }, body)).toEqual({ u_id: 3 });
    await expect(pipe.transform({ u_id: '-3' }, body)).rejects.toBeDefined();
  });
});
