import { apiUrl } from '../../lib/api.ts';

type Text = { it?: string; en?: string };
export interface MapNode {
  id: string;
  kind: 'company' | 'centre';
  name: string;
  province: string | null;
  sectors: string[];
}
export type EdgeKind = 'supplier-of' | 'customer-of' | 'partner-in' | 'subcontractor-of' | 'introduction';
export type EdgeSource = 'declared' | 'verified' | 'agreement' | 'introduction';
export interface MapEdge {
  id: string | null;
  from: string;
  to: string;
  kind: EdgeKind;
  source: EdgeSource;
}
export interface FilieraMap {
  filiera: { code: string; label: Text };
  nodes: MapNode[];
  edges: MapEdge[];
  steps: { code: string; label: Text; companies: number; gap: boolean }[];
}

export const RELATION_KINDS = ['supplier-of', 'customer-of', 'partner-in', 'subcontractor-of'] as const;

export const filieraEndpoints = {
  map: (code: string) => apiUrl(`/filiere/${encodeURIComponent(code)}/map`),
  declare: () => apiUrl('/company-relations'),
  verify: (id: string) => apiUrl(`/company-relations/${encodeURIComponent(id)}/verify`),
};
