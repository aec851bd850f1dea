// name: personnel_changes
// description: Appointments and removals between two dates, with the act, post and 文号
// param: since date = 1949-10-01  # first day included
// param: until date = 2999-12-31  # last day included
// param: limit integer = 500
// example: since=2020-03-01 until=2020-03-31
MATCH (o:Official)-[r:APPOINTED_TO|REMOVED_FROM]->(p:Post)
WHERE r.date >= $since AND r.date <= $until
RETURN r.date AS date, type(r) AS change, r.act AS act, o.name AS official, p.name AS post,
       r.note AS note, r.doc AS doc
ORDER BY date, doc, change, official
LIMIT $limit
