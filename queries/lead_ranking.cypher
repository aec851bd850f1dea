// name: lead_ranking
// description: Agencies ranked by the number of tasks they lead, with cooperations and responsibilities beside
// param: limit integer = 20
// example:
MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(:Task)
WITH a,
     count(CASE WHEN type(r) = 'LEADS' THEN 1 END) AS leads,
     count(CASE WHEN type(r) = 'COOPERATES_ON' THEN 1 END) AS cooperates,
     count(CASE WHEN type(r) = 'RESPONSIBLE_FOR' THEN 1 END) AS responsible
WHERE leads > 0
RETURN a.name AS agency, leads, cooperates, responsible
ORDER BY leads DESC, agency
LIMIT $limit
