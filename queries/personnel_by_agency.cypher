// name: personnel_by_agency
// description: Agencies with the most personnel changes (appointments and removals to their posts)
// param: since date = 1949-10-01
// param: until date = 2999-12-31
// param: limit integer = 20
// example:
MATCH (o:Official)-[r:APPOINTED_TO|REMOVED_FROM]->(:Post)-[:POST_OF]->(a:Agency)
WHERE r.date >= $since AND r.date <= $until
RETURN a.name AS agency, count(r) AS changes,
       count(CASE WHEN type(r) = 'APPOINTED_TO' THEN 1 END) AS appointments,
       count(CASE WHEN type(r) = 'REMOVED_FROM' THEN 1 END) AS removals
ORDER BY changes DESC, agency
LIMIT $limit
