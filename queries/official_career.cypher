// name: official_career
// description: An official's appointments, removals and group memberships in date order, with 文号
// param: name string  # the official's name as written (郝文保)
// example: name=石成芳
MATCH (o:Official {name: $name})-[r:APPOINTED_TO|REMOVED_FROM|MEMBER_OF]->(x)
RETURN r.date AS date, type(r) AS event, coalesce(r.act, r.role) AS act, x.name AS what,
       coalesce(r.note, r.title) AS note, r.doc AS doc
ORDER BY date, doc, event
