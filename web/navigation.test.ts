import { describe, expect, it } from 'vitest';
import { menuFor, menuKeyOf, pathAfterSchoolChange, startPath } from './navigation.ts';

const teacherSchool = { id: 1, actions: ['school.read', 'pupil.list', 'pupil.read', 'signal.list', 'selfscan.read'] };
const teacher = { actions: ['school.read', 'pupil.list', 'pupil.read', 'signal.list', 'selfscan.read'] };
const regionSchool = { id: 2, actions: ['school.read', 'selfscan.read'] };
const analist = { actions: ['school.read', 'selfscan.read', 'monitor.region'] };
const clb = { actions: ['school.read', 'pupil.list', 'signal.list', 'monitor.school', 'monitor.clb'] };
const clbSchool = { id: 3, actions: ['school.read', 'pupil.list', 'signal.list', 'monitor.school', 'selfscan.read'] };
const scopes = { clbs: [{ id: 7 }], regions: [{ id: 9 }] };

describe('menuFor', () => {
  it('offers only what the policy allows', () => {
    expect(menuFor(teacher, teacherSchool).map((item) => item.key)).toEqual(['overview', 'attention', 'selfscan']);
    expect(menuFor(analist, regionSchool).map((item) => item.key)).toEqual(['selfscan', 'monitor']);
    const admin = { actions: ['user.manage', 'audit.read', 'import.list'] };
    expect(menuFor(admin, { id: 4, actions: ['import.list', 'pupil.list'] }).map((item) => item.path)).toEqual([
      '/schools/4',
      '/schools/4/import',
      '/admin/users',
      '/admin/audit',
    ]);
    expect(menuFor({}, undefined)).toEqual([]);
  });
});

describe('startPath', () => {
  it('lands each role on its own page', () => {
    expect(startPath(teacher, teacherSchool, [teacherSchool], null)).toBe('/schools/1');
    expect(startPath(analist, regionSchool, [regionSchool], scopes)).toBe('/monitor/regions/9');
    expect(startPath(clb, clbSchool, [clbSchool], scopes)).toBe('/monitor/clbs/7');
    // Without a dashboard to open, the first page the menu offers.
    expect(startPath(analist, regionSchool, [regionSchool], { clbs: [], regions: [] })).toBe('/schools/2/selfscan');
    expect(startPath({}, undefined, [], null)).toBeNull();
  });

  it('prefers a school with pupils over the remembered one without', () => {
    expect(startPath(teacher, regionSchool, [regionSchool, teacherSchool], null)).toBe('/schools/1');
  });
});

describe('menuKeyOf and pathAfterSchoolChange', () => {
  it('keeps the page when the new school allows it, else opens its first page', () => {
    expect(menuKeyOf('/schools/1/attention')).toBe('attention');
    expect(menuKeyOf('/schools/1/thuiszitters')).toBe('monitor');
    expect(menuKeyOf('/pupils/5')).toBeNull();
    expect(pathAfterSchoolChange(teacher, '/schools/2/attention', teacherSchool)).toBe('/schools/1/attention');
    expect(pathAfterSchoolChange(analist, '/schools/1/selfscan', regionSchool)).toBe('/schools/2/selfscan');
    expect(pathAfterSchoolChange(analist, '/schools/1', regionSchool)).toBe('/schools/2/selfscan');
    expect(pathAfterSchoolChange(analist, '/monitor/regions/9', regionSchool)).toBeNull();
  });
});

describe("a LOP's staff", () => {
  const lop = { actions: ['session.read', 'monitor.lop'], memberships: [{ kind: 'lop', organisationId: 12 }] };

  it("get one menu entry, the LOP's exclusions view, and land on it", () => {
    expect(menuFor(lop, undefined)).toEqual([{ key: 'lop', path: '/monitor/lops/12', label: 'lop.nav' }]);
    expect(startPath(lop, undefined, [], null)).toBe('/monitor/lops/12');
    expect(menuKeyOf('/monitor/lops/12')).toBe('lop');
  });

  it('get no entry without the action, even with a LOP membership', () => {
    expect(menuFor({ actions: [], memberships: lop.memberships }, undefined)).toEqual([]);
  });
});
