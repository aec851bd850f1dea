// name: post_holders
// description: Who held a post on a date: appointed on or before it and not removed from it since
// param: post string  # the position (阳泉市公安局西城分局局长), its end with the whole title (西城分局局长), or part of its agency (西城分局)
// param: on date  # the day asked about (YYYY-MM-DD)
// example: post=西城分局局长 on=2020-04-01
// Posts found through indexes, not by reading the name of every post: those of the agencies
// whose name contains `post`, and those whose title ends it (the title index, one lookup
// per ending of `post`).
OPTIONAL MATCH (agency:Agency) WHERE agency.name CONTAINS $post
OPTIONAL MATCH (agency)<-[:POST_OF]-(inside:Post)
WITH collect(inside) AS inside
UNWIND [i IN range(0, size($post)) | substring($post, i)] AS ending
OPTIONAL MATCH (titled:Post {title: ending}) WHERE titled.name CONTAINS $post
WITH inside, collect(titled) AS titled
UNWIND inside + titled AS p
WITH DISTINCT p
MATCH (o:Official)-[a:APPOINTED_TO]->(p)
WHERE a.date <= $on
OPTIONAL MATCH (o)-[rm:REMOVED_FROM]->(p)
WHERE rm.date >= a.date AND rm.date <= $on
WITH o, p, a, rm
WHERE rm IS NULL
RETURN p.name AS post, o.name AS official, a.date AS since, a.act AS act, a.doc AS doc
ORDER BY post, since
