import { v7 as uuidv7 } from 'uuid';
import type { TestConsole } from './sync-client';

export interface Place {
  clientId: string;
  siteId: string;
  roomId: string;
  assetId: string;
}

/** A client with one site, one room and one asset in it, pushed by the given (all-scope) console. */
export async function seedPlace(console: TestConsole, name: string): Promise<Place> {
  const place = { clientId: uuidv7(), siteId: uuidv7(), roomId: uuidv7(), assetId: uuidv7() };
  const reply = await console.push([
    console.insert('client', { name }, place.clientId),
    console.insert('site', { clientId: place.clientId, name: `${name} 总部` }, place.siteId),
    console.insert('room', { siteId: place.siteId, name: '机房 A' }, place.roomId),
    console.insert('asset', { type: 'switch', name: `${name}-core-sw`, roomId: place.roomId, managementIps: ['10.0.0.1'] }, place.assetId),
  ]);
  if (reply.status !== 200) throw new Error(`seeding ${name}: ${JSON.stringify(reply.body)}`);
  return place;
}

export function incidentFields(place: Place, title: string): Record<string, unknown> {
  return { title, status: 'new', impact: 'high', urgency: 'high', priority: 'P1', assetIds: [place.assetId], locationId: null, reporterName: '张三' };
}
