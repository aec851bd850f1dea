// name: group_interlocks
// description: Officials who sit on several leadership groups, with the groups and the titles they hold there
// param: min_groups integer = 2
// example:
MATCH (o:Official)-[m:MEMBER_OF]->(g:Agency)
WITH o, collect(DISTINCT g.name) AS groups, collect(DISTINCT m.title) AS titles
WHERE size(groups) >= $min_groups
RETURN o.name AS official, size(groups) AS count, groups, titles
ORDER BY count DESC, official
