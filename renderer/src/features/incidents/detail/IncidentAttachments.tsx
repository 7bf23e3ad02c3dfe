import { AttachmentsPanel } from '../../attachments/AttachmentsPanel';

/** Photos and files of the incident: the fault as found, screens, vendor reports. */
export function IncidentAttachments({ incidentId, readOnly }: { incidentId: string; readOnly: boolean }) {
  return <AttachmentsPanel ownerType="incident" ownerId={incidentId} readOnly={readOnly} />;
}
