// Typed client for the file transfer to the new school's CLB (issue 15): the panel of a pupil's file, the decision
// of the parents or the adult pupil, sending, the received snapshot and the old CLB's pending list.
import { request } from './http.ts';
import type { ApiBody, ApiResponse } from './schema.d.ts';

export type TransferOverview = ApiResponse<'/api/pupils/{pupilId}/file-transfer', 'get'>;
export type TransferDecisionBody = ApiBody<'/api/pupils/{pupilId}/file-transfer/decisions', 'post'>;
export type TransferSendBody = ApiBody<'/api/pupils/{pupilId}/file-transfer/transfers', 'post'>;
export type TransferSnapshot = ApiResponse<'/api/file-transfers/{transferId}', 'get'>;
export type PendingTransfers = ApiResponse<'/api/clbs/{clbId}/file-transfers/pending', 'get'>;

const id = (value: number | string) => encodeURIComponent(String(value));

export const fileTransferApi = {
  overview: (pupilId: number | string) => request<TransferOverview>(`/api/pupils/${id(pupilId)}/file-transfer`),
  decide: (pupilId: number | string, body: TransferDecisionBody) =>
    request<TransferOverview['decisions'][number]>(`/api/pupils/${id(pupilId)}/file-transfer/decisions`, {
      method: 'POST',
      body,
    }),
  send: (pupilId: number | string, body: TransferSendBody) =>
    request<TransferOverview['sent'][number]>(`/api/pupils/${id(pupilId)}/file-transfer/transfers`, {
      method: 'POST',
      body,
    }),
  snapshot: (transferId: number | string) => request<TransferSnapshot>(`/api/file-transfers/${id(transferId)}`),
  documentUrl: (transferId: number | string, itemId: number) =>
    `/api/file-transfers/${id(transferId)}/items/${id(itemId)}/content`,
  pending: (clbId: number | string) => request<PendingTransfers>(`/api/clbs/${id(clbId)}/file-transfers/pending`),
};
