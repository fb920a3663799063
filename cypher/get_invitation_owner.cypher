// Who may answer an invitation: the owner of the researcher it invites, for
// resolvers/authorization.py to decide.
// Parameters: $invitationId
// Returns: one row when the invitation exists: ownerId (null when the researcher is unclaimed).
MATCH (:Invitation {id: $invitationId})-[:TO]->(r:Researcher)
RETURN r.ownerId AS ownerId
