// name: unresolved_agencies
// description: Data quality: agencies the gazetteer does not know, with their written forms and how many facts use them
// param: limit integer = 100
// example:
MATCH (a:Agency)-[r]-()
WHERE a.known = false AND a.kind <> 'collective'
RETURN a.name AS agency, a.written AS written, a.resolution AS resolution, count(r) AS facts
ORDER BY facts DESC, agency
LIMIT $limit
