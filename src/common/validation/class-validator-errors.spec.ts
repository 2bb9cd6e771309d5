import { plainToInstance, Type } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, Max, Min, validateSync } from 'class-validator';
import { toFieldErrors } from './class-validator-errors';

class Probe {
  @IsNotEmpty()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  pr: number;

  @IsDefined()
  @IsInt()
  @Min(1)
  id: number;
}

const errorsOf = (plain: object) => toFieldErrors(validateSync(plainToInstance(Probe, plain)));

describe('toFieldErrors', () => {
  it('reports a missing value as required, whatever else failed', () => {
    expect(errorsOf({})).toEqual({
      pr: [{ message: '这个字段是必填项。', code: 'required' }],
      id: [{ message: '这个字段是必填项。', code: 'required' }],
    });
  });

  it('reports a malformed value as invalid before out of range', () => {
    expect(errorsOf({ pr: 'abc', id: 'x' })).toEqual({
      pr: [{ message: '请输入有效的值。', code: 'invalid' }],
      id: [{ message: '请输入有效的值。', code: 'invalid' }],
    });
  });

  it('reports a well-formed value outside the bounds as out_of_range', () => {
    expect(errorsOf({ pr: 101, id: 0 })).toEqual({
      pr: [{ message: '超出允许的范围。', code: 'out_of_range' }],
      id: [{ message: '超出允许的范围。', code: 'out_of_range' }],
    });
  });
});
