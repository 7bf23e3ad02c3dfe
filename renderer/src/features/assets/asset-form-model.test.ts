import { describe, expect, it } from 'vitest';
import { AssetFields, type Asset } from '@shared/domain/assets';
import { changedFields, emptyValues, fieldsOf, serverProblems, toInput, validate, valuesFromAsset } from './asset-form-model';

const ROOM = '01a21eef-c790-77d0-9636-0a90079db147';
const RACK = '01a21eef-c83a-777f-9c67-78726afbf6c5';
const HOST = '01a21eef-c90a-713c-8e59-5cdff40e2c7b';

function storedAsset(change: Partial<Asset> = {}): Asset {
  return {
    ...AssetFields.parse({ type: 'switch', name: '核心交换机-01', assetTag: 'ZC-001', managementIps: ['10.0.0.1'], roomId: ROOM, rackId: RACK, rackUStart: 10, rackUHeight: 2 }),
    id: '01a21eef-0000-7000-8000-000000000001',
    createdAt: 1,
    updatedAt: 2,
    location: { clientId: null, clientName: '华东医院', siteId: null, siteName: '主院区', roomId: ROOM, roomName: '一号机房', rackId: RACK, rackName: 'A01' },
    warrantyEndingSoon: false,
    ...change,
  };
}

describe('asset form validation', () => {
  it('accepts a complete hardware asset and returns what the schema parsed', () => {
    const values = { ...emptyValues(), name: ' 核心交换机 ', managementIps: ['10.0.0.1', '2001:db8::1'], roomId: ROOM, rackId: RACK, rackUStart: '10', rackUHeight: '2' };
    const { fields, problems } = validate(values);
    expect(problems).toEqual({ fields: {}, ips: {}, custom: {} });
    expect(fields).toMatchObject({ name: '核心交换机', rackUStart: 10, rackUHeight: 2, managementIps: ['10.0.0.1', '2001:db8::1'] });
  });

  it('names each problem with a translation key at its field, never zod text', () => {
    const { fields, problems } = validate({
      ...emptyValues(),
      name: '',
      managementIps: ['10.0.0.1', '10.0.0.300'],
      purchaseDate: '2024-05-01',
      warrantyEnd: '2024-01-01',
      vendor: 'x'.repeat(101),
    });
    expect(fields).toBeNull();
    expect(problems.fields.name).toEqual({ key: 'required' });
    expect(problems.fields.vendor).toEqual({ key: 'tooLong', values: { max: 100 } });
    expect(problems.ips).toEqual({ 1: { key: 'ip', values: { address: '10.0.0.300' } } });
    // A cross-field rule shows even while other fields are wrong.
    expect(problems.fields.warrantyEnd).toEqual({ key: 'warrantyBeforePurchase' });
  });

  it('asks for the first U and the height once a rack is chosen', () => {
    const { problems } = validate({ ...emptyValues(), name: 'A', roomId: ROOM, rackId: RACK, rackUStart: '', rackUHeight: '' });
    expect(problems.fields.rackUStart).toEqual({ key: 'placementIncomplete' });
    const outside = validate({ ...emptyValues(), name: 'A', roomId: ROOM, rackId: RACK, rackUStart: '59', rackUHeight: '4' });
    expect(outside.problems.fields.rackUHeight).toEqual({ key: 'rackMaxU', values: { max: 60 } });
    const notNumber = validate({ ...emptyValues(), name: 'A', roomId: ROOM, rackId: RACK, rackUStart: '0', rackUHeight: '1' });
    expect(notNumber.problems.fields.rackUStart).toEqual({ key: 'uNumber', values: { min: 1, max: 60 } });
  });

  it('checks custom field names: required, unique', () => {
    const { problems } = validate({
      ...emptyValues(),
      name: 'A',
      customFields: [
        { key: '合同号', value: 'HT-1' },
        { key: '合同号', value: 'HT-2' },
        { key: '', value: 'orphan' },
        { key: '', value: '' },
      ],
    });
    expect(problems.custom).toEqual({ 1: { key: { key: 'customDuplicate' } }, 2: { key: { key: 'customKeyRequired' } } });
  });

  it('gives software no location and hardware no host', () => {
    const software = toInput({ ...emptyValues(), type: 'database', name: 'Oracle', roomId: ROOM, rackId: RACK, rackUStart: '1', rackUHeight: '1', installedOnId: HOST });
    expect(software).toMatchObject({ roomId: null, rackId: null, rackUStart: null, rackUHeight: null, installedOnId: HOST });
    const hardware = toInput({ ...emptyValues(), type: 'server', name: 'x', installedOnId: HOST });
    expect(hardware.installedOnId).toBeNull();
  });
});

describe('changed fields', () => {
  it('sends only what differs from the stored asset', () => {
    const asset = storedAsset({ customFields: { b: '2', a: '1' } });
    const values = { ...valuesFromAsset(asset), model: 'S5735', customFields: [{ key: 'a', value: '1' }, { key: 'b', value: '2' }] };
    const { fields } = validate(values);
    expect(changedFields(fieldsOf(asset), fields!)).toEqual({ model: 'S5735' });
  });

  it('sends nothing when nothing changed', () => {
    const asset = storedAsset();
    const { fields } = validate(valuesFromAsset(asset));
    expect(changedFields(fieldsOf(asset), fields!)).toEqual({});
  });

  it('clears the location when hardware becomes software', () => {
    const asset = storedAsset();
    const { fields } = validate({ ...valuesFromAsset(asset), type: 'os', installedOnId: HOST });
    expect(changedFields(fieldsOf(asset), fields!)).toEqual({ type: 'os', roomId: null, rackId: null, rackUStart: null, rackUHeight: null, installedOnId: HOST });
  });
});

describe('server refusals', () => {
  it('puts a duplicate tag at the tag field', () => {
    expect(serverProblems({ code: 'assets.duplicate-tag', message: 'x', retryable: false, details: { field: 'assetTag' } })?.fields).toEqual({ assetTag: { key: 'duplicateTag' } });
  });

  it('names the device holding the units at the first U', () => {
    const problems = serverProblems({
      code: 'assets.rack-range-taken',
      message: 'U11–U12 is taken by 核心交换机-01',
      retryable: false,
      details: { field: 'rackUStart', conflicts: [{ assetId: HOST, name: '核心交换机-01', uStart: 10, uHeight: 2 }] },
    });
    expect(problems?.fields.rackUStart).toEqual({ key: 'rangeTaken', values: { name: '核心交换机-01', range: 'U10–U11' } });
  });

  it('maps issue paths of an invalid-input answer to fields', () => {
    const problems = serverProblems({
      code: 'api.invalid-input',
      message: 'x',
      retryable: false,
      details: { issues: [{ path: 'managementIps.0', message: 'Not an IPv4 or IPv6 address' }, { path: 'warrantyEnd', message: 'x' }] },
    });
    expect(problems?.ips[0]?.key).toBe('ip');
    expect(problems?.fields.warrantyEnd).toEqual({ key: 'warrantyBeforePurchase' });
  });

  it('leaves errors that concern no field to the dialog', () => {
    expect(serverProblems({ code: 'store.unavailable', message: 'x', retryable: true })).toBeNull();
  });
});
