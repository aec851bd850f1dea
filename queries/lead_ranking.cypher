// name: lead_ranking
// description: Agencies ranked by the number of tasks they lead, with cooperations and responsibilities beside
// param: limit integer = 20
MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(:Task)
WITH a,
     sum(CASE type(r) WHEN 'LEADS' THEN 1 ELSE 0 END) AS leads,
     sum(CASE type(r) WHEN 'COOPERATES_ON' THEN 1 ELSE 0 END) AS cooperates,
     sum(CASE type(r) WHEN 'RESPONSIBLE_FOR' THEN 1 ELSE 0 END) AS responsible
WHERE leads > 0
RETURN a.name AS agency, leads, cooperates, responsible
ORDER BY leads DESC, agency
LIMIT $limit
