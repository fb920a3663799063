// Invitations to the researcher a user owns, newest first: a keyset page.
// Parameters: $userId: string, $status: string or null (PENDING, ACCEPTED, DECLINED),
//   $first: int, $afterKey: int or null (the atKey of the last invitation shown), $afterId:
//   string or null (its id)
// Returns: up to $first + 1 rows (one more tells that more follow): id, message, status, at
//   (datetime), atKey (at in epoch microseconds: the sort key, exact where a datetime's
//   nanoseconds would not survive a cursor), senderEmail, senderResearcherId (the record the
//   sender owns, or null), researcherId.
MATCH (r:Researcher {ownerId: $userId})<-[:TO]-(i:Invitation)<-[:SENT]-(sender:User)
WHERE $status IS NULL OR i.status = $status
WITH i, sender, r, i.at.epochSeconds * 1000000 + i.at.microsecond AS atKey
WHERE $afterKey IS NULL OR atKey < $afterKey OR (atKey = $afterKey AND i.id > $afterId)
ORDER BY atKey DESC, i.id
LIMIT $first + 1
RETURN i.id AS id, i.message AS message, i.status AS status, i.at AS at, atKey,
       sender.email AS senderEmail,
       head(COLLECT { MATCH (s:Researcher {ownerId: sender.id}) RETURN s.id }) AS senderResearcherId,
       r.id AS researcherId
