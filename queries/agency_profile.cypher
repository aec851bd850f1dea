// name: agency_profile
// description: An agency's profile: tasks by role, posts and their holders, groups it hosts, sub-units, documents it issued
// param: agency string  # canonical (阳泉市水利局) or written (市水利局) name
// example: agency=市水利局
MATCH (a:Agency)-[r:LEADS|COOPERATES_ON|RESPONSIBLE_FOR]->(t:Task)
WHERE a.name = $agency OR $agency IN a.written
RETURN 'task' AS section, type(r) AS relation, t.heading AS item, r.doc AS doc
UNION ALL
MATCH (a:Agency)<-[:POST_OF]-(p:Post)<-[r:APPOINTED_TO|REMOVED_FROM]-(o:Official)
WHERE a.name = $agency OR $agency IN a.written
RETURN 'post' AS section, type(r) AS relation, p.title + ': ' + o.name AS item, r.doc AS doc
UNION ALL
MATCH (a:Agency)<-[r:OFFICE_AT]-(g:Agency)
WHERE a.name = $agency OR $agency IN a.written
RETURN 'group office' AS section, type(r) AS relation, g.name AS item, r.doc AS doc
UNION ALL
MATCH (a:Agency)<-[r:PART_OF]-(s:Agency)
WHERE a.name = $agency OR $agency IN a.written
RETURN 'sub-unit' AS section, type(r) AS relation, s.name AS item, r.doc AS doc
UNION ALL
MATCH (a:Agency)<-[r:ISSUED_BY]-(d:Document)
WHERE a.name = $agency OR $agency IN a.written
RETURN 'issued' AS section, type(r) AS relation, d.title AS item, r.doc AS doc
