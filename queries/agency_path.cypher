// name: agency_path
// description: The shortest chain (up to four links) between two agencies, through tasks, groups, posts or documents
// param: source string  # canonical or written name of the first agency
// param: target string  # canonical or written name of the second agency
// example: source=市水利局 target=市能源局
// Meet in the middle, as `[*1..4]` from a busy agency enumerates millions of paths: the nodes
// within two links of a source (side 0) and of a target (side 1), joined by grouping on the
// node; then the two halves through the nearest meeting node. A node named by both is a
// source only: a chain from a node back to itself is not asked for.
UNWIND [0, 1] AS side
MATCH (e:Agency)
WHERE CASE side WHEN 0 THEN e.name = $source OR $source IN e.written
      ELSE (e.name = $target OR $target IN e.written) AND NOT (e.name = $source OR $source IN e.written) END
OPTIONAL MATCH (e)--(x)
OPTIONAL MATCH (x)--(y)
WITH side, collect(DISTINCT e) AS d0, collect(DISTINCT x) AS d1, collect(DISTINCT y) AS d2
UNWIND [[d0, 0], [d1, 1], [d2, 2]] AS level
UNWIND level[0] AS m
WITH m, min(CASE side WHEN 0 THEN level[1] END) AS ds, min(CASE side WHEN 1 THEN level[1] END) AS dt
WHERE ds IS NOT NULL AND dt IS NOT NULL
WITH m, ds, dt ORDER BY ds + dt LIMIT 1
MATCH (a:Agency) WHERE a.name = $source OR $source IN a.written
MATCH pa = (a)-[*0..2]-(m) WHERE length(pa) = ds
WITH m, dt, pa LIMIT 1
MATCH (b:Agency) WHERE (b.name = $target OR $target IN b.written) AND NOT (b.name = $source OR $source IN b.written)
MATCH pb = (m)-[*0..2]-(b) WHERE length(pb) = dt
WITH pa, pb LIMIT 1
RETURN [n IN nodes(pa) + tail(nodes(pb)) | coalesce(n.name, n.heading, n.title)] AS chain,
       [r IN relationships(pa) + relationships(pb) | type(r)] AS links, length(pa) + length(pb) AS hops
