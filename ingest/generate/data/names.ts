// Invented people. First names and surnames common in Sweden, combined at random per förvaltning, so no
// generated attendee is a real person from the corpus. Only letters WinAnsi (the standard PDF fonts'
// encoding) can print: no č or ć. Employer roles follow the corpus' letterheads.

export const FIRST_NAMES: readonly string[] = [
  'Anna', 'Maria', 'Karin', 'Eva', 'Lena', 'Sara', 'Emma', 'Johanna', 'Linnea', 'Elin', 'Ida', 'Malin', 'Sofia',
  'Helena', 'Åsa', 'Ulrika', 'Camilla', 'Jenny', 'Petra', 'Susanne', 'Yasmin', 'Leyla', 'Fatima', 'Amira', 'Mirja',
  'Tove', 'Annika', 'Birgitta', 'Liselott', 'Nadia', 'Erik', 'Lars', 'Anders', 'Johan', 'Per', 'Mikael', 'Magnus',
  'Jonas', 'Fredrik', 'Stefan', 'Henrik', 'Ahmed', 'Ali', 'Mehmet', 'Tomas', 'Oskar', 'Viktor', 'Pontus', 'Göran',
  'Björn', 'Håkan', 'Jörgen', 'Kristoffer', 'Dragan', 'Piotr', 'Juan', 'Samir', 'Daniel', 'Patrik', 'Mattias',
];

export const SURNAMES: readonly string[] = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson',
  'Gustafsson', 'Pettersson', 'Jonsson', 'Lindberg', 'Lindqvist', 'Lundgren', 'Bergström', 'Sandberg', 'Holmgren',
  'Åberg', 'Öberg', 'Ström', 'Sjöberg', 'Wallin', 'Engström', 'Forsberg', 'Hedlund', 'Nyström', 'Lundin', 'Falk',
  'Blom', 'Hellström', 'Söderberg', 'Dahlgren', 'Ekström', 'Norberg', 'Björk', 'Mattsson', 'Hassan', 'Yilmaz',
  'Kovac', 'Nowak', 'Haddad', 'Rahimi', 'Mohammadi', 'Virtanen', 'Korhonen', 'García', 'Petrovic', 'Stålberg',
  'Wikström', 'Grönlund', 'Edvardsson', 'Palmqvist', 'Rydén', 'Sundqvist', 'Törnqvist', 'Almgren', 'Ekholm',
];

/** Employer roles in a stadsdelsförvaltning; the first is the one who chairs. */
export const DISTRICT_ROLES: readonly string[] = [
  'stadsdelsdirektör', 'avdelningschef nämndkansliet', 'avdelningschef HR och kommunikation',
  'avdelningschef ekonomi och upphandling', 'avdelningschef äldreomsorg', 'avdelningschef förskola',
  'avdelningschef individ- och familjeomsorg', 'avdelningschef funktionsnedsättning och socialpsykiatri',
  'avdelningschef samhälle och service', 'HR-chef', 'controller', 'säkerhetssamordnare',
];

/** Employer roles in a fackförvaltning; the first is the one who chairs. */
export const DEPARTMENT_ROLES: readonly string[] = [
  'förvaltningsdirektör', 'biträdande förvaltningsdirektör', 'HR-chef', 'ekonomichef', 'avdelningschef stab',
  'avdelningschef verksamhetsstöd', 'kommunikationschef', 'HR-strateg', 'verksamhetsutvecklare', 'controller',
  'säkerhetssamordnare',
];
