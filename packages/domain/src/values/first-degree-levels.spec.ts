import { FIRST_DEGREE_CYCLES, FIRST_DEGREE_LEVELS, isFirstDegreeLevel, nextFirstDegreeLevel } from './first-degree-levels';

describe('first-degree levels', () => {
  it('climbs TPS → PS → MS → GS → CP → CE1 → CE2 → CM1 → CM2', () => {
    const ladder = ['TPS'];
    for (let next = nextFirstDegreeLevel('TPS'); next; next = nextFirstDegreeLevel(next)) ladder.push(next);
    expect(ladder).toEqual([...FIRST_DEGREE_LEVELS]);
  });

  it('has no level after CM2, nor after a code that is not a level', () => {
    expect(nextFirstDegreeLevel('CM2')).toBeUndefined();
    expect(nextFirstDegreeLevel('6E')).toBeUndefined();
    expect(nextFirstDegreeLevel('cp')).toBeUndefined();
    expect(isFirstDegreeLevel('CE1')).toBe(true);
  });

  it('gives each level its cycle', () => {
    expect([FIRST_DEGREE_CYCLES.GS, FIRST_DEGREE_CYCLES.CP, FIRST_DEGREE_CYCLES.CM1]).toEqual(['1', '2', '3']);
  });
});
