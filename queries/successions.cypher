// name: successions
// description: Successions: one document removes an official from a post and appoints another to it
// param: limit integer = 200
// example:
// Both acts through the post, then their documents compared. `toString(ap.doc)` keeps
// FalkorDB from looking the appointments up in the `doc` index once per removal (35 s on
// 367k removals) instead of reading the few acts of each post.
MATCH (old:Official)-[rm:REMOVED_FROM]->(p:Post)<-[ap:APPOINTED_TO]-(new:Official)
WHERE toString(ap.doc) = rm.doc AND old.id <> new.id
RETURN p.name AS post, old.name AS predecessor, new.name AS successor, ap.date AS date, ap.doc AS doc
ORDER BY date, post
LIMIT $limit
