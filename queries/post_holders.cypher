// name: post_holders
// description: Who held a post on a date: appointed on or before it and not removed from it since
// param: post string  # the whole position (阳泉市公安局西城分局局长) or a part of it (西城分局局长)
// param: on date  # the day asked about (YYYY-MM-DD)
// example: post=西城分局局长 on=2020-04-01
MATCH (o:Official)-[a:APPOINTED_TO]->(p:Post)
WHERE p.name CONTAINS $post AND a.date <= $on
OPTIONAL MATCH (o)-[rm:REMOVED_FROM]->(p)
WHERE rm.date >= a.date AND rm.date <= $on
WITH o, p, a, rm
WHERE rm IS NULL
RETURN p.name AS post, o.name AS official, a.date AS since, a.act AS act, a.doc AS doc
ORDER BY post, since
