-- The default offence groups have the same id in every partnership (links and publications name them by it), and a
-- partnership stores them on its first change of the list: with the id alone as the key, the second partnership to
-- change its list failed on the first one's rows. A group is a partnership's: the key is (partnership_id, id).
ALTER TABLE situation_offence_group DROP CONSTRAINT situation_offence_group_pkey;
ALTER TABLE situation_offence_group ADD PRIMARY KEY (partnership_id, id);
