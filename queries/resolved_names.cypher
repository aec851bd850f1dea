// name: resolved_names
// description: Data quality: every agency name that resolution changed, with the written form and the decisions taken
// param: limit integer = 500
// example:
MATCH (a:Agency)
WHERE a.resolution IS NOT NULL AND size(a.resolution) > 0
RETURN a.name AS canonical, a.written AS written, a.resolution AS decisions, a.known AS known
ORDER BY canonical
LIMIT $limit
