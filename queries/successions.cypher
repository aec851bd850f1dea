// name: successions
// description: Successions: one document removes an official from a post and appoints another to it
// param: limit integer = 200
// example:
MATCH (old:Official)-[rm:REMOVED_FROM]->(p:Post)<-[ap:APPOINTED_TO]-(new:Official)
WHERE rm.doc = ap.doc AND old.id <> new.id
RETURN p.name AS post, old.name AS predecessor, new.name AS successor, ap.date AS date, ap.doc AS doc
ORDER BY date, post
LIMIT $limit
