// name: official_career
// description: An official's appointments, removals and group memberships in date order, with 文号
// param: name string  # the official's name as written (郝文保)
CALL {
  MATCH (o:Official {name: $name})-[r:APPOINTED_TO|REMOVED_FROM]->(p:Post)
  RETURN r.date AS date, type(r) AS event, r.act AS act, p.name AS what, r.note AS note, r.doc AS doc
  UNION ALL
  MATCH (o:Official {name: $name})-[r:MEMBER_OF]->(g:Agency)
  RETURN r.date AS date, type(r) AS event, r.role AS act, g.name AS what, r.title AS note, r.doc AS doc
}
RETURN date, event, act, what, note, doc
ORDER BY date, doc, event
