// The documents the page sends besides the ProfilePage (which goes by its hash).

const SLICE = "center nodes { id kind label weight } edges { source target kind weight }";
const WORK = `id type year venue title abstract
  authors { position researcher { id name } } topics { topic { name } }`;
const PAYLOAD_ERRORS = "userErrors { code message }";

export const NODE_PAGE = `query NodePage($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Researcher { name }
    ... on Work { ${WORK} doi arxivId }
    ... on Topic { name field subfield domain counts { works } }
    ... on Institution { name country type counts { works researchers } }
  }
  explorer(center: $id, limit: 60) { ${SLICE} }
}`;

export const EXPLORE = `query Explore($center: ID!) { explorer(center: $center, limit: 60) { ${SLICE} } }`;

export const WORKS_PAGE = `query WorksPage($id: ID!, $after: String) {
  researcher(id: $id) { works(first: 20, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { ${WORK} } } } }
}`;

export const FIND_RESEARCHERS = `query FindResearchers($search: String!) {
  researchers(search: $search, first: 8) { edges { node { id name affiliation { name } counts { works } } } }
}`;

export const CONNECTION_PATH = `query ConnectionPath($from: ID!, $to: ID!) {
  connectionPath(from: $from, to: $to, maxHops: 4) { researcher { id name } via { id title year } }
}`;

export const FOLLOW = `mutation Follow($input: FollowInput!) {
  followResearcher(input: $input) { viewerFollows followers ${PAYLOAD_ERRORS} } }`;

export const UNFOLLOW = `mutation Unfollow($input: FollowInput!) {
  unfollowResearcher(input: $input) { viewerFollows followers ${PAYLOAD_ERRORS} } }`;

export const CLAIM = `mutation Claim($input: ClaimResearcherInput!) {
  claimResearcher(input: $input) { status researcher { claimed verification } ${PAYLOAD_ERRORS} } }`;

export const INVITE = `mutation Invite($input: InviteInput!) {
  inviteToCollaborate(input: $input) { invitationId ${PAYLOAD_ERRORS} } }`;
