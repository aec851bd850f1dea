// name: agency_tasks
// description: Tasks an agency leads, cooperates on or answers for, with the document and sentence
// param: agency string  # canonical (阳泉市水利局) or written (市水利局) name
// param: limit integer = 200
// example: agency=市水利局
MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t:Task)
WHERE a.name = $agency OR $agency IN a.written
RETURN a.name AS agency, type(r) AS role, t.doc AS doc, t.item AS item, t.heading AS task,
       r.evidence AS evidence
ORDER BY doc, item, role
LIMIT $limit
