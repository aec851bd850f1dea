// name: district_tasks
// description: Everything concerning a district: tasks naming it, and tasks its government leads or answers for
// param: district string  # the district's name (平定县, 盂县)
// example: district=平定县
MATCH (t:Task)-[:CONCERNS]->(d:District)
WHERE d.name = $district OR $district IN d.written
RETURN 'named in task' AS how, t.doc AS doc, t.item AS item, t.heading AS task, d.name AS who
UNION ALL
MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR]->(t:Task)
WHERE a.name STARTS WITH $district
RETURN type(r) AS how, t.doc AS doc, t.item AS item, t.heading AS task, a.name AS who
