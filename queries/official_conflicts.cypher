// name: official_conflicts
// description: Data quality: officials recorded with different titles or posts, candidates for same-person judgements
// param: limit integer = 500  # at most this many officials, those with the most records first
// example:
MATCH (o:Official)-[r:MEMBER_OF|APPOINTED_TO]->(x)
WITH o, collect(DISTINCT coalesce(r.title, x.name)) AS records, collect(DISTINCT r.doc) AS docs
WHERE size(records) > 1
RETURN o.name AS official, records, docs
ORDER BY size(records) DESC, official
LIMIT $limit
