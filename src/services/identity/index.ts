// Public face of the identity area: multiple-identity detection (call
// detectMultipleIdentities after an import with the imported person ids)
// and the verification of the links it creates.
export { detectMultipleIdentities, detectNewMultipleIdentities, DetectRequest, DEFAULT_LINK_THRESHOLD, MAX_BLOCK, type DetectionSummary } from './detect.ts';
export { listLinks, getLink, resolveLink, getCluster, LinkStatus, ResolveLinkRequest, ListLinksQuery, type IdentityLinkView, type IdentityCluster, type ClusterLink, type LinkedPerson } from './links.ts';
