// name: task_search
// description: Tasks whose text contains a phrase, with their agencies and document
// param: text string  # a phrase (污水, 清洁取暖)
// param: limit integer = 100
// example: text=污水
MATCH (t:Task)
WHERE t.text CONTAINS $text
OPTIONAL MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t)
RETURN t.doc AS doc, t.item AS item, t.heading AS task, collect(type(r) + ':' + a.name) AS agencies
ORDER BY doc, item
LIMIT $limit
