// name: official_path
// description: The shortest chain (up to four links) between two officials, through groups and posts
// param: source string  # the first official's name
// param: target string  # the second official's name
// example: source=李文兵 target=崔文革
MATCH p = (a:Official)-[*1..4]-(b:Official)
WHERE a.name = $source AND b.name = $target
RETURN [n IN nodes(p) | coalesce(n.name, n.heading, n.title)] AS chain,
       [r IN relationships(p) | type(r)] AS links, length(p) AS hops
ORDER BY hops
LIMIT 1
