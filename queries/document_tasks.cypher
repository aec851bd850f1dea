// name: document_tasks
// description: The structure of a document: its tasks × roles × agencies, with deadlines
// param: doc string  # the document's 文号 (阳政办发〔2020〕33号) or id
// example: doc=阳政办发〔2020〕33号
MATCH (t:Task)-[:STATED_IN]->(d:Document)
WHERE d.id = $doc OR d.number = $doc
OPTIONAL MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t)
RETURN t.item AS item, t.heading AS task, t.deadline AS deadline,
       collect(CASE WHEN type(r) = 'LEADS' THEN a.name END) AS lead,
       collect(CASE WHEN type(r) = 'COOPERATES_ON' THEN a.name END) AS cooperate,
       collect(CASE WHEN type(r) = 'RESPONSIBLE_FOR' THEN a.name END) AS responsible
ORDER BY item
