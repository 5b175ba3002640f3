-- Creates the portal's database and user on MySQL 8 / MariaDB 10.11. Change the password first.
CREATE DATABASE IF NOT EXISTS portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'portal'@'%' IDENTIFIED BY 'change-me';
GRANT ALL PRIVILEGES ON portal.* TO 'portal'@'%';
