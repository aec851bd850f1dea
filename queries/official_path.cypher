// name: official_path
// description: The shortest chain (up to four links) between two officials, through groups and posts
// param: source string  # the first official's name
// param: target string  # the second official's name
// example: source=李文兵 target=崔文革
// Meet in the middle, as in agency_path: the nodes within two links of a source (side 0) and
// of a target (side 1), joined by grouping on the node; then the two halves through the
// nearest meeting node. A chain between two officials of the same name is not looked for.
UNWIND [[0, $source], [1, $target]] AS side
MATCH (e:Official {name: side[1]})
WHERE side[0] = 0 OR e.name <> $source
OPTIONAL MATCH (e)--(x)
OPTIONAL MATCH (x)--(y)
WITH side[0] AS side, collect(DISTINCT e) AS d0, collect(DISTINCT x) AS d1, collect(DISTINCT y) AS d2
UNWIND [[d0, 0], [d1, 1], [d2, 2]] AS level
UNWIND level[0] AS m
WITH m, min(CASE side WHEN 0 THEN level[1] END) AS ds, min(CASE side WHEN 1 THEN level[1] END) AS dt
WHERE ds IS NOT NULL AND dt IS NOT NULL
WITH m, ds, dt ORDER BY ds + dt LIMIT 1
MATCH (a:Official {name: $source})
MATCH pa = (a)-[*0..2]-(m) WHERE length(pa) = ds
WITH m, dt, pa LIMIT 1
MATCH (b:Official {name: $target})
MATCH pb = (m)-[*0..2]-(b) WHERE length(pb) = dt
WITH pa, pb LIMIT 1
RETURN [n IN nodes(pa) + tail(nodes(pb)) | coalesce(n.name, n.heading, n.title)] AS chain,
       [r IN relationships(pa) + relationships(pb) | type(r)] AS links, length(pa) + length(pb) AS hops
