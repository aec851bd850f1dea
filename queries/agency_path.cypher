// name: agency_path
// description: The shortest chain (up to four links) between two agencies, through tasks, groups, posts or documents
// param: source string  # canonical or written name of the first agency
// param: target string  # canonical or written name of the second agency
// example: source=市水利局 target=市能源局
MATCH p = (a:Agency)-[*1..4]-(b:Agency)
WHERE (a.name = $source OR $source IN a.written) AND (b.name = $target OR $target IN b.written)
RETURN [n IN nodes(p) | coalesce(n.name, n.heading, n.title)] AS chain,
       [r IN relationships(p) | type(r)] AS links, length(p) AS hops
ORDER BY hops
LIMIT 1
