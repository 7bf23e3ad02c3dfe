import { z } from 'zod';
import { Credential, CredentialSpec } from '../domain/credentials';
import { Id } from '../domain/ids';
import { method } from './define';

const CredentialName = z.string().trim().min(1, 'Name is required').max(100);

export const credentialsContract = {
  /** Credentials without their secrets, optionally only those an asset uses. */
  'credentials.list': method({
    summary: 'Credentials (never their secrets), optionally only those of one asset.',
    input: z.object({ assetId: Id.optional() }),
    output: z.array(Credential),
  }),
  /** Save a credential; its secret is encrypted at once and never returned. */
  'credentials.create': method({
    summary: 'Save a credential for device checks and attach it to assets.',
    input: z.object({ name: CredentialName, spec: CredentialSpec, assetIds: z.array(Id).max(10_000).default([]) }),
    output: z.object({ id: Id }),
  }),
  /** Rename, change settings, or replace the secret (the whole spec, secret included, is given again). */
  'credentials.update': method({
    summary: 'Rename a credential or replace its settings and secret.',
    input: z.object({ id: Id, name: CredentialName.optional(), spec: CredentialSpec.optional() }),
    output: z.object({ id: Id }),
  }),
  /** Attach a credential to assets or detach it. */
  'credentials.assign': method({
    summary: 'Attach a credential to assets, or detach it.',
    input: z.object({ id: Id, assetIds: z.array(Id).min(1).max(10_000), attach: z.boolean() }),
    output: z.object({ id: Id, assetIds: z.array(Id) }),
  }),
  'credentials.delete': method({
    summary: 'Delete a credential and its secret.',
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
  }),
};
